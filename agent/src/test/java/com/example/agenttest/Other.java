package com.example.agenttest;

/** A second class, loaded after the agent was uninstalled. */
public class Other {
    public String hello() {
        return "hello";
    }
}
