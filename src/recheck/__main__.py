from recheck.cli import main

main()
