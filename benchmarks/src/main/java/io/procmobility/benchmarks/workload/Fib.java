package io.procmobility.benchmarks.workload;

import io.procmobility.benchmarks.Workload;

/** Recursive fib: call-heavy code that never suspends. Instrumented, every call is a suspendable call site. */
public class Fib implements Workload {
    private int n = 25;
    private long result;

    @Override
    public void setUp(int size, boolean suspending) {
        this.n = size;
    }

    @Override
    public void run() {
        result = fib(n);
    }

    @Override
    public long result() {
        return result;
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }
}
