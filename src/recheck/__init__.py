"""recheck: a numeric fact-checker for news articles.

The data flow is documents → numbers → claims → reference → judge / reconcile → report; each
stage is a module (or package) of its own and usable without the CLI.
"""

__version__ = "0.1.0"
