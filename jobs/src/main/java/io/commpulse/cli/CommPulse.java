package io.commpulse.cli;
public class CommPulse { public static void main(String[] a) { System.out.println("hi"); } }
