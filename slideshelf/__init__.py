"""slideshelf: a self-hostable presentation-sharing site."""

__version__ = "0.1.0"
