from .._runtime.open_enums import OpenIntEnum


class M365JobType(OpenIntEnum):
    ALL = 0
    BACKUP = 1
    RESTORE = 2
    EXPORT = 3
    DELETION = 4
    RETENTION = 5

    def __str__(self) -> str:
        return str(self.value)
