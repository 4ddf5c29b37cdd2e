from meterwise.cli.main import main

main()
