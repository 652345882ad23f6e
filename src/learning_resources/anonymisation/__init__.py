"""The anonymisation gate: finds what could identify a family before anything is published."""
