"""`patrika backup DEST` and `patrika restore SRC`: the database (users included) and media."""
