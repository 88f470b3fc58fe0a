from .._runtime.open_enums import OpenIntEnum


class DynamicsJobType(OpenIntEnum):
    ALL = 0
    BACKUP = 1
    RESTORE = 2
    DRY_RUN = 4
    RETENTION = 8
    AUDIT_BACKUP = 16
    EXPORT = 32

    def __str__(self) -> str:
        return str(self.value)
