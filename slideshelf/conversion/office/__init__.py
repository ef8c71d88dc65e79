"""LibreOffice, kept warm: one long-lived office process per worker, driven over UNO."""

from slideshelf.conversion.office.client import OfficeClient, OfficeResult, office_available

__all__ = ["OfficeClient", "OfficeResult", "office_available"]
