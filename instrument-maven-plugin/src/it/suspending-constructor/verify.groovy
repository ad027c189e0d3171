// The build failed in the plugin, and the message names the source file and line, the class, the
// constructor, the class file, the cause and the fix.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/java/com/acme/Ticket.java')
def line = source.readLines().findIndexOf { it.contains('the instrumenter rejects this line') } + 1
assert line > 0

assert log.contains('BUILD FAILURE')
assert log.contains('procmobility-maven-plugin') && log.contains(':instrument (default) on project suspending-constructor')
def message = log.readLines().find { it.contains('Cannot instrument class com.acme.Ticket') }
assert message != null : 'no failure message naming com.acme.Ticket'
assert message.contains('method <init>(java.lang.String)')
assert message.contains(source.canonicalPath + ':' + line) || message.contains(source.absolutePath + ':' + line) :
        "expected ${source}:${line} in: ${message}"
assert message.contains('Ticket.class')
assert message.contains('calls io.procmobility.continuation.Continuation.suspend, which suspends')
assert message.contains('Fix: move the suspending call into an ordinary method called after construction.')
// The compiler-style line, for IDEs and grep.
assert log.contains('[ERROR] ' + source.canonicalPath + ':' + line + ': ') || log.contains('[ERROR] ' + source.absolutePath + ':' + line + ': ')
true
