# Indian English news style: "18 August 2026".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, g:i A"
SHORT_DATE_FORMAT = "d/m/Y"
