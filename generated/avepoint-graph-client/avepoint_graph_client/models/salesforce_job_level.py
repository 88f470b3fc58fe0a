from .._runtime.open_enums import OpenIntEnum


class SalesforceJobLevel(OpenIntEnum):
    ALL = 0
    ORGANIZATION = 1
    OBJECT = 2
    RECORD = 3
    FIELD = 4
    METADATA = 5
    NOT_APPLICABLE = 6

    def __str__(self) -> str:
        return str(self.value)
