"""Start the fake OpenAI, Anthropic and OpenRouter servers on 127.0.0.1 and print their URLs.

    .venv/bin/python scripts/fake_providers.py [--days 90] [--seed 1] [--tls]

Prints one line per provider (base URL and the key it accepts) and, with --tls, the CA file
to trust. Runs until Ctrl-C. The base URLs fit METERWISE_PROVIDER_<KIND>_BASE_URL.
"""

from __future__ import annotations

import argparse
import signal
import threading

from meterwise.fakeproviders import start_fakes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=90, help="days of seeded data (to yesterday)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tls", action="store_true", help="serve HTTPS with a throwaway CA")
    args = parser.parse_args()
    stop = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with start_fakes(seed=args.seed, days=args.days, tls=args.tls) as fakes:
        for fake in fakes.all():
            print(f"METERWISE_PROVIDER_{fake.kind.value}_BASE_URL={fake.base_url}  "
                  f"key={fake.valid_key}", flush=True)
        print(f"openrouter inference key={fakes.openrouter.extra_keys['inference']}", flush=True)
        if fakes.ca_path:
            print(f"CA={fakes.ca_path}", flush=True)
        stop.wait()


if __name__ == "__main__":
    main()
