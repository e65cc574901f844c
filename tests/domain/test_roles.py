from collector_desk.domain.cases import Role


def test_a_lead_is_a_team_lead_or_an_admin():
    assert Role.TEAM_LEAD.is_lead
    assert Role.ADMIN.is_lead
    assert not Role.COLLECTOR.is_lead
