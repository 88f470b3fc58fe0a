from .._runtime.open_enums import OpenIntEnum


class SalesforceJobStatus(OpenIntEnum):
    ALL = 0
    IN_PROGRESS = 1
    FINISHED = 2
    FINISHED_WITH_EXCEPTION = 3
    FAILED = 4
    PAUSED = 5
    STOPPED = 6
    SKIPPED = 7

    def __str__(self) -> str:
        return str(self.value)
