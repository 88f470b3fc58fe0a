from .._runtime.open_enums import OpenIntEnum


class ScanJobState(OpenIntEnum):
    RUNNING = 1
    FINISHED = 2
    FAILED = 3
    FINISHED_WITH_EXCEPTION = 4
    SKIPPED = 5
    STOPPED = 10

    def __str__(self) -> str:
        return str(self.value)
