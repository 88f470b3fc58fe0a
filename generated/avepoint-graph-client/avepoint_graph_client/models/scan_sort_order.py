from .._runtime.open_enums import OpenIntEnum


class ScanSortOrder(OpenIntEnum):
    OLDEST_FIRST = 0
    NEWEST_FIRST = 1

    def __str__(self) -> str:
        return str(self.value)
