from .._runtime.open_enums import OpenIntEnum


class JobType(OpenIntEnum):
    BACKUP = 1
    RESTORE = 2
    EXPORT = 3
    DELETE = 4
    RETENTION = 5
    GENERATE_REPORT = 6

    def __str__(self) -> str:
        return str(self.value)
