# Hindi news style: "18 अगस्त 2026" (month names come from the Hindi catalogue).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, g:i A"
SHORT_DATE_FORMAT = "d-m-Y"
