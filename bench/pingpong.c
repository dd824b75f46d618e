/*
 * pingpong.c - raw loopback TCP ping-pong between two processes.
 *
 * The physical floor for a one-round-trip-per-question protocol on this
 * machine: the client sends a 32-byte line (31 chars + '\n', the size of a
 * typical answer line), the server reads until '\n' and replies with a
 * 21-byte line (20 chars + '\n'); the client reads until '\n' and sends the
 * next one.  Blocking sockets, TCP_NODELAY on both sides, 127.0.0.1 only.
 *
 * Build:  gcc -O2 -Wall -o pingpong bench/pingpong.c
 * Usage:  pingpong server PORT        listen on 127.0.0.1:PORT (0 = any free
 *                                     port), print "listening on 127.0.0.1:P"
 *                                     as the first stdout line, serve ONE
 *                                     connection until EOF, then exit.
 *         pingpong client PORT [N]    connect, do N exchanges (default
 *                                     100000), print "N exchanges in T s:
 *                                     R exchanges/s" on stdout.
 *         pingpong fork [N]           fork a server child and run the client
 *                                     in the parent (a one-shot convenience).
 *         pingpong status PORT N      a status-dialect math server for ONE
 *                                     session (bench/startup.sh): prints
 *                                     "listening on 127.0.0.1:P", reads
 *                                     "cs5700fall2020 HELLO <id>", asks N
 *                                     times "cs5700fall2020 STATUS 123 + 456",
 *                                     checks each answer is "cs5700fall2020
 *                                     579", then sends "cs5700fall2020 <flag>
 *                                     BYE" and exits (1 on a wrong answer).
 *
 * Both modes call alarm(SAFETY_SECONDS) so a process never outlives a stuck
 * peer, even when it is started by hand without `timeout`.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SAFETY_SECONDS 300
#define REQ_LEN 32   /* 31 chars + '\n' */
#define RESP_LEN 21  /* 20 chars + '\n' */
#define DEFAULT_N 100000L

static void die(const char *what) {
    perror(what);
    exit(1);
}

static void set_nodelay(int fd) {
    int one = 1;
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) < 0)
        die("setsockopt(TCP_NODELAY)");
}

/* Write all len bytes (handles short writes and EINTR). */
static void write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            die("write");
        }
        buf += w;
        len -= (size_t)w;
    }
}

/*
 * Buffered line reader: returns the length of the next line (including its
 * '\n'), 0 on EOF before any byte of a new line.  Bytes that arrive after the
 * '\n' stay in the buffer for the next call, so partial reads and coalesced
 * lines are both handled.
 */
struct reader {
    int fd;
    char buf[4096];
    size_t start, end;
    const char *line; /* the line read_line returned last: valid until the next call */
};

static size_t read_line(struct reader *r) {
    size_t scanned = r->start;
    for (;;) {
        char *nl = memchr(r->buf + scanned, '\n', r->end - scanned);
        if (nl) {
            size_t len = (size_t)(nl - (r->buf + r->start)) + 1;
            r->line = r->buf + r->start;
            r->start += len;
            if (r->start == r->end) r->start = r->end = 0;
            return len;
        }
        scanned = r->end;
        if (r->end == sizeof r->buf) { /* compact, or give up on huge lines */
            if (r->start == 0) {
                fprintf(stderr, "line longer than %zu bytes\n", sizeof r->buf);
                exit(1);
            }
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            scanned -= r->start;
            r->start = 0;
        }
        ssize_t n = read(r->fd, r->buf + r->end, sizeof r->buf - r->end);
        if (n < 0) {
            if (errno == EINTR) continue;
            die("read");
        }
        if (n == 0) {
            if (r->end != r->start) {
                fprintf(stderr, "EOF in the middle of a line\n");
                exit(1);
            }
            return 0;
        }
        r->end += (size_t)n;
    }
}

static struct sockaddr_in loopback(int port) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

/* Bind + listen on 127.0.0.1:port; returns the listening fd, *bound = port. */
static int listen_on(int port, int *bound) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = loopback(port);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0) die("bind");
    if (listen(fd, 1) < 0) die("listen");
    socklen_t alen = sizeof a;
    if (getsockname(fd, (struct sockaddr *)&a, &alen) < 0) die("getsockname");
    *bound = ntohs(a.sin_port);
    return fd;
}

/* Serve one connection until the client closes it; returns exchanges served. */
static long serve(int lfd) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0) die("accept");
    close(lfd);
    set_nodelay(fd);
    static const char resp[RESP_LEN + 1] = "cs5700fall2020 12345\n"; /* 20 + '\n' */
    struct reader r = {.fd = fd};
    long served = 0;
    while (read_line(&r) > 0) {
        write_all(fd, resp, RESP_LEN);
        served++;
    }
    close(fd);
    return served;
}

/*
 * One status-dialect session on one connection: HELLO, N fixed questions, each
 * answer checked, the flag.  The questions cost the server nothing, so what a
 * client's session takes here is its own start, work and round trips.
 */
static int serve_status(int lfd, long n) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0) die("accept");
    close(lfd);
    set_nodelay(fd);
    static const char hello[] = "cs5700fall2020 HELLO ";
    static const char question[REQ_LEN + 1] = "cs5700fall2020 STATUS 123 + 456\n";
    static const char answer[] = "cs5700fall2020 579\n";
    static const char bye[] =
        "cs5700fall2020 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef BYE\n";
    struct reader r = {.fd = fd};
    size_t len = read_line(&r);
    if (len <= sizeof hello - 1 || memcmp(r.line, hello, sizeof hello - 1) != 0) {
        fprintf(stderr, "status: expected a HELLO, got %zu bytes\n", len);
        return 1;
    }
    for (long i = 0; i < n; i++) {
        write_all(fd, question, REQ_LEN);
        len = read_line(&r);
        if (len != sizeof answer - 1 || memcmp(r.line, answer, len) != 0) {
            fprintf(stderr, "status: wrong or missing answer (%zu bytes) to question %ld\n", len, i + 1);
            return 1;
        }
    }
    write_all(fd, bye, sizeof bye - 1);
    close(fd);
    return 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run_client(int port, long n) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) die("socket");
    struct sockaddr_in a = loopback(port);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) die("connect");
    set_nodelay(fd);
    static const char req[REQ_LEN + 1] = "cs5700fall2020 STATUS 123 + 456\n"; /* 31 + '\n' */
    struct reader r = {.fd = fd};
    double t0 = now();
    for (long i = 0; i < n; i++) {
        write_all(fd, req, REQ_LEN);
        size_t len = read_line(&r);
        if (len != RESP_LEN) {
            fprintf(stderr, "unexpected reply of %zu bytes at exchange %ld\n", len, i);
            return 1;
        }
    }
    double dt = now() - t0;
    close(fd);
    printf("%ld exchanges in %.3f s: %.0f exchanges/s\n", n, dt, (double)n / dt);
    return 0;
}

static void usage(void) {
    fprintf(stderr,
            "usage: pingpong server PORT\n"
            "       pingpong client PORT [N]\n"
            "       pingpong fork [N]\n"
            "       pingpong status PORT N\n");
    exit(2);
}

static long parse_n(const char *s) {
    char *end;
    long n = strtol(s, &end, 10);
    if (*end || n <= 0) usage();
    return n;
}

int main(int argc, char **argv) {
    if (argc < 2) usage();
    alarm(SAFETY_SECONDS);
    signal(SIGPIPE, SIG_IGN);
    if (!strcmp(argv[1], "server") && argc == 3) {
        int port;
        int lfd = listen_on(atoi(argv[2]), &port);
        printf("listening on 127.0.0.1:%d\n", port);
        fflush(stdout);
        long served = serve(lfd);
        fprintf(stderr, "server: %ld exchanges served\n", served);
        return 0;
    }
    if (!strcmp(argv[1], "client") && (argc == 3 || argc == 4)) {
        return run_client(atoi(argv[2]), argc == 4 ? parse_n(argv[3]) : DEFAULT_N);
    }
    if (!strcmp(argv[1], "status") && argc == 4) {
        int port;
        int lfd = listen_on(atoi(argv[2]), &port);
        printf("listening on 127.0.0.1:%d\n", port);
        fflush(stdout);
        return serve_status(lfd, parse_n(argv[3]));
    }
    if (!strcmp(argv[1], "fork") && (argc == 2 || argc == 3)) {
        long n = argc == 3 ? parse_n(argv[2]) : DEFAULT_N;
        int port;
        int lfd = listen_on(0, &port); /* listen before fork: no start-up race */
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) die("fork");
        if (pid == 0) {
            serve(lfd);
            _exit(0);
        }
        close(lfd);
        int rc = run_client(port, n);
        int status;
        waitpid(pid, &status, 0);
        return rc;
    }
    usage();
    return 2;
}
