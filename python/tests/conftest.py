"""Shared pytest set-up: a summary line in cargo's format, so the test
command's closing `tests: N passed, N failed` counts these tests too."""


def pytest_terminal_summary(terminalreporter):
    stats = terminalreporter.stats
    passed = len(stats.get("passed", []))
    failed = len(stats.get("failed", [])) + len(stats.get("error", []))
    verdict = "ok" if failed == 0 else "FAILED"
    terminalreporter.write_line(
        f"test result: {verdict}. {passed} passed; {failed} failed; (pytest)"
    )
