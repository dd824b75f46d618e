package dev.flagrunner.mathserver;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The process's file descriptor limit, where the platform tells it. */
final class FileDescriptors {

    private FileDescriptors() {}

    /** The most files the process may open, or 0 when unknown (not a Unix JVM). */
    static long limit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return 0;
    }
}
