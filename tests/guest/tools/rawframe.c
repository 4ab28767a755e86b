// SPDX-License-Identifier: GPL-2.0
/*
 * rawframe: sends and counts raw Ethernet frames of one EtherType, for the
 * guest tests (busybox has no such tool and the guest has no python).
 *
 *   rawframe send IFACE ETHERTYPE COUNT [DEST [VID]]
 *	sends COUNT frames of ETHERTYPE (hex) from IFACE's address to DEST
 *	(default 01:80:c2:00:00:03, the PAE group address of EAPOL), with a
 *	VLAN tag of VID if given; each carries "rawframe N" and is padded to
 *	the 60-octet minimum (64 with a tag).
 *   rawframe recv IFACE ETHERTYPE COUNT TIMEOUT_MS [READY_FILE [VID]]
 *	counts the frames of ETHERTYPE with a rawframe payload that IFACE
 *	receives, untagged or, with VID, tagged with VID, until COUNT came or
 *	TIMEOUT_MS passed since the last one counted (frames it does not
 *	count, such as MKPDUs every 2 s, do not extend the wait); creates
 *	READY_FILE once it listens, so that a script can start the sender
 *	without guessing when the receiver is ready. Prints "received N" and
 *	succeeds when N is COUNT.
 *
 * Frames the host sends itself are not counted (PACKET_OUTGOING).
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAGIC "rawframe "
#define VLAN_HLEN 4
#define VLAN_VID_MASK 0x0fff

static int print_usage(void)
{
	fprintf(stderr,
		"usage: rawframe send IFACE ETHERTYPE COUNT [DEST [VID]]\n"
		"       rawframe recv IFACE ETHERTYPE COUNT TIMEOUT_MS [READY_FILE [VID]]\n");
	return 2;
}

/* Opens a packet socket for @proto (network order) bound to @ifname. */
static int open_bound(const char *ifname, unsigned short proto, int *ifindex)
{
	struct sockaddr_ll sll;
	int fd;

	*ifindex = if_nametoindex(ifname);
	if (!*ifindex) {
		fprintf(stderr, "rawframe: %s: %s\n", ifname, strerror(errno));
		return -1;
	}
	fd = socket(AF_PACKET, SOCK_RAW, proto);
	if (fd < 0) {
		perror("rawframe: socket");
		return -1;
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = proto;
	sll.sll_ifindex = *ifindex;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		perror("rawframe: bind");
		close(fd);
		return -1;
	}
	return fd;
}

static int parse_mac(const char *s, unsigned char *mac)
{
	unsigned int b[ETH_ALEN];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != ETH_ALEN)
		return -1;
	for (i = 0; i < ETH_ALEN; i++) {
		if (b[i] > 0xff)
			return -1;
		mac[i] = b[i];
	}
	return 0;
}

static int do_send(const char *ifname, unsigned short type, long count,
		   const char *dest, int vid)
{
	unsigned char frame[ETH_ZLEN + VLAN_HLEN];
	size_t len = ETH_ZLEN, hdr = ETH_HLEN;
	struct ifreq ifr;
	long i;
	int fd, ifindex;

	memset(frame, 0, sizeof(frame));
	if (parse_mac(dest, frame) < 0) {
		fprintf(stderr, "rawframe: bad address %s\n", dest);
		return 2;
	}
	fd = open_bound(ifname, 0, &ifindex);
	if (fd < 0)
		return 1;
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0) {
		perror("rawframe: SIOCGIFHWADDR");
		close(fd);
		return 1;
	}
	memcpy(frame + ETH_ALEN, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	if (vid >= 0) {
		frame[12] = ETH_P_8021Q >> 8;
		frame[13] = ETH_P_8021Q & 0xff;
		frame[14] = vid >> 8;
		frame[15] = vid & 0xff;
		hdr += VLAN_HLEN;
		len += VLAN_HLEN;
	}
	frame[hdr - 2] = type >> 8;
	frame[hdr - 1] = type & 0xff;
	for (i = 0; i < count; i++) {
		snprintf((char *)frame + hdr, len - hdr, MAGIC "%ld", i);
		if (send(fd, frame, len, 0) != (ssize_t)len) {
			perror("rawframe: send");
			close(fd);
			return 1;
		}
	}
	close(fd);
	printf("sent %ld\n", count);
	return 0;
}

/*
 * The VLAN ID of a received frame, or -1 when it has no tag: the kernel moves
 * the tag of a received frame into the auxiliary data, a frame we send
 * ourselves still has it inline. Sets *@hdr to the length of its headers.
 */
static int frame_vid(const unsigned char *frame, ssize_t n, struct msghdr *msg,
		     size_t *hdr)
{
	struct cmsghdr *c;

	*hdr = ETH_HLEN;
	for (c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
		struct tpacket_auxdata *aux = (void *)CMSG_DATA(c);

		if (c->cmsg_level == SOL_PACKET &&
		    c->cmsg_type == PACKET_AUXDATA &&
		    (aux->tp_status & TP_STATUS_VLAN_VALID))
			return aux->tp_vlan_tci & VLAN_VID_MASK;
	}
	if (n >= ETH_HLEN + VLAN_HLEN && frame[12] == ETH_P_8021Q >> 8 &&
	    frame[13] == (ETH_P_8021Q & 0xff)) {
		*hdr = ETH_HLEN + VLAN_HLEN;
		return ((frame[14] << 8) | frame[15]) & VLAN_VID_MASK;
	}
	return -1;
}

/* Milliseconds on the monotonic clock. */
static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int do_recv(const char *ifname, unsigned short type, long count,
		   int timeout_ms, const char *ready, int vid)
{
	char control[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	unsigned char frame[2048];
	struct sockaddr_ll from;
	struct pollfd pfd;
	struct msghdr msg;
	struct iovec iov;
	long got = 0;
	long long deadline;
	int fd, ifindex, one = 1;
	size_t hdr;
	ssize_t n;

	fd = open_bound(ifname, htons(ETH_P_ALL), &ifindex);
	if (fd < 0)
		return 1;
	if (setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof(one)) < 0) {
		perror("rawframe: PACKET_AUXDATA");
		close(fd);
		return 1;
	}
	if (ready) {
		int rfd = open(ready, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (rfd < 0) {
			perror("rawframe: ready file");
			close(fd);
			return 1;
		}
		close(rfd);
	}
	pfd.fd = fd;
	pfd.events = POLLIN;
	deadline = now_ms() + timeout_ms;
	while (got < count) {
		long long left = deadline - now_ms();
		int r;

		if (left <= 0)
			break;
		r = poll(&pfd, 1, (int)left);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		iov.iov_base = frame;
		iov.iov_len = sizeof(frame);
		memset(&msg, 0, sizeof(msg));
		msg.msg_name = &from;
		msg.msg_namelen = sizeof(from);
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = control;
		msg.msg_controllen = sizeof(control);
		n = recvmsg(fd, &msg, 0);
		if (n < 0) {
			perror("rawframe: recvmsg");
			break;
		}
		if (from.sll_pkttype == PACKET_OUTGOING ||
		    frame_vid(frame, n, &msg, &hdr) != vid)
			continue;
		if (n < (ssize_t)(hdr + strlen(MAGIC)) ||
		    frame[hdr - 2] != type >> 8 ||
		    frame[hdr - 1] != (type & 0xff) ||
		    memcmp(frame + hdr, MAGIC, strlen(MAGIC)))
			continue;
		got++;
		deadline = now_ms() + timeout_ms;
	}
	close(fd);
	printf("received %ld\n", got);
	return got == count ? 0 : 1;
}

/* The VLAN ID argument @i of @argv if there is one, -1 if not, -2 if bad. */
static int vid_arg(int argc, char **argv, int i)
{
	char *end;
	long vid;

	if (argc <= i)
		return -1;
	vid = strtol(argv[i], &end, 10);
	if (*end || vid < 0 || vid > VLAN_VID_MASK)
		return -2;
	return vid;
}

int main(int argc, char **argv)
{
	unsigned long type;
	long count;
	char *end;

	if (argc < 5)
		return print_usage();
	type = strtoul(argv[3], &end, 16);
	if (*end || !type || type > 0xffff)
		return print_usage();
	count = strtol(argv[4], &end, 10);
	if (*end || count < 0)
		return print_usage();
	if (!strcmp(argv[1], "send") && argc <= 7 && vid_arg(argc, argv, 6) > -2)
		return do_send(argv[2], type, count,
			       argc >= 6 ? argv[5] : "01:80:c2:00:00:03",
			       vid_arg(argc, argv, 6));
	if (!strcmp(argv[1], "recv") && argc >= 6 && argc <= 8 &&
	    vid_arg(argc, argv, 7) > -2)
		return do_recv(argv[2], type, count, atoi(argv[5]),
			       argc >= 7 ? argv[6] : NULL,
			       vid_arg(argc, argv, 7));
	return print_usage();
}
