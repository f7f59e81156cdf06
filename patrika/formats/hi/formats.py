# Hindi news style: "18 अगस्त 2026". Pages print dates through patrika/dates.py; these are for
# the admin and forms, with a 24-hour clock so morning and evening are never confused.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d-m-Y"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
