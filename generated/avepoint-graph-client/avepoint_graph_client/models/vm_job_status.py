from .._runtime.open_enums import OpenIntEnum


class VmJobStatus(OpenIntEnum):
    NOT_STARTED = 0
    IN_PROGRESS = 1
    SUCCESSFUL = 2
    SKIPPED = 4
    EXCEPTION = 8
    FAILED = 16
    WAITING = 32
    STOPPED = 64

    def __str__(self) -> str:
        return str(self.value)
