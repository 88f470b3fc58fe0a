from .._runtime.open_enums import OpenIntEnum


class SalesforceJobType(OpenIntEnum):
    ALL = 0
    BACKUP = 1
    ON_DEMAND_BACKUP = 2
    RESTORE = 3
    PRE_RESTORE = 4
    COMPARE = 5
    ARCHIVE = 6
    SIMULATION = 7
    INACTIVE_DATA_ANALYSIS = 8
    RETENTION = 9
    DISCOVERY = 10
    BACKUP_EXPORT = 11
    ON_DEMAND_EXPORT = 12
    AUTO_EXPORT = 13
    DATA_CLEANUP = 14
    SANDBOX_SEEDING = 15
    GENERATE_RECOVERY_POINT = 16
    CONTINUOUS_DATA_PROTECTION = 17
    DATA_SERVICE = 18
    ON_DEMAND_DATA_SERVICE = 19
    AUDIT_LOG_BACKUP = 20
    AUDIT_LOG_EXPORT = 21
    AUDIT_LOG_AUTO_EXPORT = 22

    def __str__(self) -> str:
        return str(self.value)
