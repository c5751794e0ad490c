package io.intelsync;

public final class Application {
    public static void main(String[] args) {
    }
}
