// Three builds of the same project (invoker.properties), all logged to build.log in order.
def log = new File(basedir, 'build.log').text
def summaries = log.readLines().findAll { it.contains('procmobility: ') && it.contains(' in target') }
        .collect { (it =~ /procmobility: (.*) in target/)[0][1] }
assert summaries == [
        '2 instrumented, 0 unchanged, 1 skipped',                          // first build: Pinger, Relay; Constants has nothing to do
        '0 instrumented, 3 unchanged, 0 skipped',                          // nothing recompiled: no class file is read
        '0 instrumented, 0 unchanged, 3 skipped (2 already instrumented)', // state ignored: recognized, left alone
] : "summaries were ${summaries}"
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
true
