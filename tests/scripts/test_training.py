"""Practice calls against a simulated customer, and the report a trainee sees afterwards."""

from collector_desk.domain.scripts import CallSession, Objection
from collector_desk.domain.training import Persona, Reply, practice_report
from tests.scripts.test_shipped_scripts import DISCLOSURES, LIBRARY, SCRIPTS, VALUES, Clock


def _call():
    return CallSession(SCRIPTS["early_reminder"], LIBRARY, VALUES, DISCLOSURES, Clock())


def _follow(call, customer, read_disclosures=True):
    """A trainee who always does what the customer said."""
    while (reply := customer.reply(call)) is not None:
        if read_disclosures:
            for name in call.pending_disclosures():
                call.confirm_disclosure(name)
        elif call.pending_disclosures():
            return
        if reply.objection is not None:
            call.object(reply.objection)
        else:
            for name in call.step.capture:
                call.capture(name, 100 if "amount" in name else "x")
            call.answer(reply.answer)


def test_the_same_persona_gives_the_same_call():
    first, second = _call(), _call()
    _follow(first, Persona(seed=11).replies())
    _follow(second, Persona(seed=11).replies())
    assert [v.step for v in first.path] == [v.step for v in second.path]
    assert first.result().outcome == second.result().outcome


def test_a_trainee_who_follows_the_customer_and_reads_everything_misses_nothing():
    for seed in range(30):
        call, customer = _call(), Persona(seed=seed, objection_rate=0.5).replies()
        _follow(call, customer)
        report = practice_report(call.result(), customer.said)
        assert report.missed_disclosures == frozenset()
        assert report.mismatched == 0 and report.objections_missed == ()
        assert report.total_seconds == 20 * len(report.steps)  # the test clock ticks 20 s


def test_the_report_names_missed_disclosures_objections_and_wrong_answers():
    call = _call()
    said = [
        ("greet", Reply(answer=1)),
        ("verify", Reply(answer=1)),
        ("disclose", Reply(answer=1)),
        ("purpose", Reply(objection=Objection.HARDSHIP)),
    ]
    call.answer(1)  # "Speaking"
    call.answer(2)  # the customer confirmed, the trainee pressed "does not match"
    report = practice_report(call.result(), said)
    assert report.mismatched == 1
    assert report.objections_missed == (Objection.HARDSHIP,)
    assert [s.step for s in report.steps] == ["greet", "verify"]

    call = _call()
    call.answer(1)
    call.answer(1)  # at the disclosures; the trainee hangs up without reading them
    assert practice_report(call.result(), said[:3]).missed_disclosures == frozenset(DISCLOSURES)
