"""dotterel: political event data (PLOVER/CAMEO), attributed quotes and claimed figures from news text.

    >>> from dotterel import Coder
    >>> coder = Coder()                      # loads the spaCy model and knowledge once
    >>> result = coder.code(text, published="2023-09-13")
    >>> result.to_dict()["events"]
"""
__version__ = "0.1.0"
__all__ = ["Coder", "__version__"]


def __getattr__(name):
    # import lazily so `import dotterel` stays cheap for the CLI's --help
    if name == "Coder":
        from .coder import Coder
        return Coder
    raise AttributeError(name)
