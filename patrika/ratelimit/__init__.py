"""Counters for rate limits that every worker and every app server share.

A counter lives in the database by default (one atomic upsert per hit), or in Redis when the
cache is Redis: never in one process's memory, where each worker would count on its own.
"""
