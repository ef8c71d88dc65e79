from slideshelf.cli import main

main()
