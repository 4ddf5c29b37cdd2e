"""Spend control: budgets and their forecasts, alerts, notification channels, the outbox.

``budgets`` validates and reads budgets (spend comes from the analytics report, never our
own SQL), ``forecast`` predicts period-end spend, ``evaluation`` raises threshold and
forecast alerts, ``alerts`` stores them once and fans them out, ``channels`` and ``outbox``
deliver them (``outbound`` guards every outbound URL, ``senders`` speak each channel kind).
The job queue and settings come from the process wiring (``meterwise.wiring``).
"""

