// The plugin instrumented main and test classes at build time, and the project's tests, which
// suspend, serialize and resume continuations without the agent, ran and passed.
def log = new File(basedir, 'build.log').text

assert log =~ /procmobility: 2 instrumented, 0 unchanged, 1 skipped in target[\/\\]classes \(\d+ ms\)/ :
        'instrument: expected Countdown and Legs instrumented, Untouched (excluded) skipped'
assert log =~ /procmobility: 1 instrumented, 0 unchanged, 2 skipped in target[\/\\]test-classes \(\d+ ms\)/ :
        'instrument-tests: expected Echoes instrumented, CountdownTest and CountdownTest$ChildFirst skipped'
assert log.contains('Tests run: 5, Failures: 0, Errors: 0, Skipped: 0') : 'the 5 tests of CountdownTest must pass'
assert !log.contains('-javaagent')
assert new File(basedir, 'target/procmobility/instrument.state').isFile()
assert new File(basedir, 'target/procmobility/instrument-tests.state').isFile()
true
