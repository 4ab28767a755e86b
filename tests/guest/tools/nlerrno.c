// SPDX-License-Identifier: GPL-2.0
/*
 * nlerrno.so: shows the errno of a refused netlink request next to the
 * message iproute2 prints, for the guest tests.
 *
 * When the kernel's answer carries an extended ack message, iproute2 prints
 * only "Error: <message>." and not the error number
 * (lib/libnetlink.c: rtnl_talk_error() returns after nl_dump_ext_ack()).
 * Preloaded into ip (LD_PRELOAD=/lib/nlerrno.so), this wraps recvmsg() and
 * prints "errno: <strerror>" on stderr for every netlink error message ip
 * receives, before ip prints its own line. It changes nothing else.
 */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>

typedef ssize_t (*recvmsg_fn)(int fd, struct msghdr *msg, int flags);

static void print_errors(const struct msghdr *msg, ssize_t len)
{
	const struct nlmsghdr *h;
	int left;

	if (msg->msg_iovlen < 1 || !msg->msg_iov[0].iov_base)
		return;
	if ((size_t)len > msg->msg_iov[0].iov_len)
		len = msg->msg_iov[0].iov_len;
	left = len;
	for (h = msg->msg_iov[0].iov_base; NLMSG_OK(h, left);
	     h = NLMSG_NEXT(h, left)) {
		const struct nlmsgerr *err = NLMSG_DATA(h);

		if (h->nlmsg_type != NLMSG_ERROR ||
		    h->nlmsg_len < NLMSG_LENGTH(sizeof(*err)) || !err->error)
			continue;
		fprintf(stderr, "errno: %s\n", strerror(-err->error));
	}
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	static recvmsg_fn real;
	ssize_t len;

	if (!real)
		real = (recvmsg_fn)dlsym(RTLD_NEXT, "recvmsg");
	len = real(fd, msg, flags);
	/* The peek only sizes the buffer: the error comes with the read. */
	if (len > 0 && !(flags & MSG_PEEK))
		print_errors(msg, len);
	return len;
}
