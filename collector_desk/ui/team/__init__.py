"""The team lead's desk: workload, reassignment, approvals, the team's numbers."""
