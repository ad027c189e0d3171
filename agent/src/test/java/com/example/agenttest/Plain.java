package com.example.agenttest;

/** A class the agent's unit tests load through a fresh class loader and transform. */
public class Plain {
    public String hello() {
        return "hello";
    }
}
