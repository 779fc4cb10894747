from recheck.entry import main

main()
