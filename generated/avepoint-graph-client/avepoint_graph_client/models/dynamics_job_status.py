from .._runtime.open_enums import OpenIntEnum


class DynamicsJobStatus(OpenIntEnum):
    IN_PROGRESS = 2
    FINISHED = 3
    FAILED = 4
    FINISHED_WITH_EXCEPTION = 7

    def __str__(self) -> str:
        return str(self.value)
