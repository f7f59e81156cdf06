"""The read-only content API at /api/v1/ (django-ninja; schema at /api/v1/openapi.json)."""
