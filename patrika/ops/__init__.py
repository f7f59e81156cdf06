"""Running Patrika: /healthz, request ids and structured (JSON) logs."""
