"""The case: its status, the flags that change how it may be worked, and who works it."""

import enum


class Role(enum.StrEnum):
    COLLECTOR = "collector"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"

    @property
    def is_lead(self) -> bool:
        """A team lead, or an admin, who may do all a lead may: see a team's cases and
        numbers, move cases, decide plans, export a customer list."""
        return self in (Role.TEAM_LEAD, Role.ADMIN)


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    PROMISED = "promised"  # an open promise to pay
    PLAN = "plan"  # a repayment plan is active; collection pauses unless it breaks
    LEGAL = "legal"
    CLOSED = "closed"


class CaseFlag(enum.StrEnum):
    """Flags that change everything (DOMAIN.md); each pauses or restricts collection."""

    DISPUTE = "dispute"
    COMPLAINT = "complaint"
    CEASE_COMMUNICATION = "cease_communication"
    BANKRUPTCY = "bankruptcy"
    DECEASED = "deceased"
    FRAUD_VICTIM = "fraud_victim"
    LEGAL_REPRESENTATION = "legal_representation"
    HARDSHIP = "hardship"


# Flags under which no collection contact may be started at all.
STOP_FLAGS = frozenset(
    {
        CaseFlag.DISPUTE,
        CaseFlag.CEASE_COMMUNICATION,
        CaseFlag.BANKRUPTCY,
        CaseFlag.DECEASED,
        CaseFlag.LEGAL_REPRESENTATION,
    }
)


class PromiseStatus(enum.StrEnum):
    OPEN = "open"
    KEPT = "kept"
    PARTIAL = "partial"
    BROKEN = "broken"
    CANCELLED = "cancelled"


class PlanStatus(enum.StrEnum):
    PENDING_APPROVAL = "pending_approval"
    ACTIVE = "active"
    COMPLETED = "completed"
    BROKEN = "broken"
    REJECTED = "rejected"
