// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs of the VSC8584 simulator: the state of the simulated hardware and
 * fault injection, in /sys/kernel/debug/vsc8584_sim/.
 *
 *   accesses      read: MDIO accesses to the package so far
 *   wire.pcap     read: the last frames on the wire, as a pcap file;
 *                 write "clear" to forget them, so that a test captures
 *                 only its own frames
 *   fail_access   write "<nth> <count> io|timeout": the nth MDIO access from
 *                 now and the count - 1 after it fail; "0 0 io" disarms
 *   window_stuck  write "<phy> 0|1": the page-4 completion bit of PHY phy
 *                 (0-3 in the package) never reads 1, or works again
 *   wire_fault    write "<nth> drop|corrupt": the nth frame onto the cable
 *                 from now is lost, or has one bit flipped; "0 drop" disarms
 *   wire          read: frames carried by the cable and lost on the way
 *   phy<N>/{ingress,egress}.regs      read: the non-zero registers of a
 *                                     MACsec engine, "address value"
 *   phy<N>/{ingress,egress}.counters  read: its counters (reading them here
 *                                     does not clear them)
 *   phy<N>/switch  read: the last SA switch after a PN threshold event of
 *                  the egress engine: "from <sa> to <sa> writes <n>:" and
 *                  the 32-bit register writes between the event and the
 *                  first frame on the new SA as "<target>:<address>", or
 *                  "none"
 *   reads         read: MDIO reads to the package so far (of "accesses")
 *   misuse        read: "total N", then what the drivers did that the
 *                 hardware documentation does not allow; write "clear"
 *   variants      read: the behaviours the documentation leaves open, as
 *                 "name=value (choices)"; write "name=value" to select one
 *   macsec_write  write "<phy> ingress|egress <addr> <value>", the last two
 *                 in hex: a register write as the page-4 window makes it,
 *                 for a test that provokes misuse on purpose
 *
 * Like the MDIO accesses, every call into the model holds the bus's
 * mdio_lock.
 */

#include <linux/debugfs.h>
#include <linux/phy.h>
#include <linux/seq_file.h>
#include <linux/skbuff.h>
#include <linux/vmalloc.h>

#include <rsmacsec/vsc8584_sim.h>

static struct dentry *vsc8584_sim_dir;

static int vsc8584_sim_accesses_get(void *data, u64 *val)
{
	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	*val = vsc8584_sim_accesses();
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(vsc8584_sim_accesses_fops, vsc8584_sim_accesses_get,
			 NULL, "%llu\n");

static int vsc8584_sim_reads_get(void *data, u64 *val)
{
	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	*val = vsc8584_sim_reads();
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(vsc8584_sim_reads_fops, vsc8584_sim_reads_get,
			 NULL, "%llu\n");

/* Copies a short command written by user space into @buf, NUL-terminated. */
static int vsc8584_sim_get_cmd(char *buf, size_t size, const char __user *ubuf,
			       size_t len)
{
	if (len >= size)
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	return 0;
}

static ssize_t vsc8584_sim_fail_write(struct file *file, const char __user *ubuf,
				      size_t len, loff_t *ppos)
{
	char buf[48], kind[8];
	unsigned long long nth;
	unsigned int count;
	bool timeout;
	int err;

	err = vsc8584_sim_get_cmd(buf, sizeof(buf), ubuf, len);
	if (err)
		return err;
	if (sscanf(buf, "%llu %u %7s", &nth, &count, kind) != 3)
		return -EINVAL;
	if (!strcmp(kind, "io"))
		timeout = false;
	else if (!strcmp(kind, "timeout"))
		timeout = true;
	else
		return -EINVAL;

	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	vsc8584_sim_fail_accesses(nth, count, timeout);
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	return len;
}

static const struct file_operations vsc8584_sim_fail_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = vsc8584_sim_fail_write,
	.llseek = noop_llseek,
};

static ssize_t vsc8584_sim_stuck_write(struct file *file, const char __user *ubuf,
				       size_t len, loff_t *ppos)
{
	unsigned int phy, stuck;
	char buf[16];
	int err;

	err = vsc8584_sim_get_cmd(buf, sizeof(buf), ubuf, len);
	if (err)
		return err;
	if (sscanf(buf, "%u %u", &phy, &stuck) != 2 || phy > 3 || stuck > 1)
		return -EINVAL;

	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	vsc8584_sim_set_window_stuck(phy, stuck);
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	return len;
}

static const struct file_operations vsc8584_sim_stuck_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = vsc8584_sim_stuck_write,
	.llseek = noop_llseek,
};

/*
 * A file whose content is taken at open (so that reads see one consistent
 * state) and freed at release.
 */
struct vsc8584_sim_snapshot {
	size_t len;
	u8 data[];
};

static ssize_t vsc8584_sim_snapshot_read(struct file *file, char __user *ubuf,
					 size_t count, loff_t *ppos)
{
	struct vsc8584_sim_snapshot *snap = file->private_data;

	return simple_read_from_buffer(ubuf, count, ppos, snap->data, snap->len);
}

static int vsc8584_sim_snapshot_release(struct inode *inode, struct file *file)
{
	kvfree(file->private_data);
	return 0;
}

static ssize_t vsc8584_sim_wire_fault_write(struct file *file,
					    const char __user *ubuf,
					    size_t len, loff_t *ppos)
{
	enum vsc8584_sim_wire_fault fault;
	unsigned long long nth;
	char buf[48], kind[8];
	int err;

	err = vsc8584_sim_get_cmd(buf, sizeof(buf), ubuf, len);
	if (err)
		return err;
	if (sscanf(buf, "%llu %7s", &nth, kind) != 2)
		return -EINVAL;
	if (!strcmp(kind, "drop"))
		fault = VSC8584_SIM_WIRE_DROP;
	else if (!strcmp(kind, "corrupt"))
		fault = VSC8584_SIM_WIRE_CORRUPT;
	else
		return -EINVAL;
	vsc8584_sim_wire_set_fault(nth, fault);
	return len;
}

static const struct file_operations vsc8584_sim_wire_fault_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = vsc8584_sim_wire_fault_write,
	.llseek = noop_llseek,
};

static int vsc8584_sim_wire_show(struct seq_file *s, void *unused)
{
	struct vsc8584_sim_wire_stats st;

	vsc8584_sim_wire_get_stats(&st);
	seq_printf(s, "carried %llu\negress_dropped %llu\ningress_dropped %llu\n",
		   st.carried, st.egress_dropped, st.ingress_dropped);
	seq_printf(s, "fault_dropped %llu\nfault_corrupted %llu\n",
		   st.fault_dropped, st.fault_corrupted);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(vsc8584_sim_wire);

/* Big enough for every register of a bank, 22 octets a line. */
#define VSC8584_SIM_DUMP_SIZE	(384 * 1024)

/* i_private encodes the PHY (bits 7:4) and the view (bits 3:0). */
static int vsc8584_sim_dump_open(struct inode *inode, struct file *file)
{
	unsigned long sel = (unsigned long)inode->i_private;
	struct vsc8584_sim_snapshot *text;
	ssize_t len;

	text = kvmalloc(struct_size(text, data, VSC8584_SIM_DUMP_SIZE),
			GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	len = vsc8584_sim_dump(sel >> 4, sel & 0xf, text->data,
			       VSC8584_SIM_DUMP_SIZE);
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	if (len < 0) {
		kvfree(text);
		return len;
	}
	text->len = len;
	file->private_data = text;
	return 0;
}

static const struct file_operations vsc8584_sim_dump_fops = {
	.owner = THIS_MODULE,
	.open = vsc8584_sim_dump_open,
	.read = vsc8584_sim_snapshot_read,
	.release = vsc8584_sim_snapshot_release,
	.llseek = default_llseek,
};

/* Room for the misuse of 8 engines, 8 entries each, or for the variants. */
#define VSC8584_SIM_TEXT_SIZE	(16 * 1024)

/* A text file of the package, taken at open: misuse (0) or variants (1). */
static int vsc8584_sim_text_open(struct inode *inode, struct file *file)
{
	unsigned long sel = (unsigned long)inode->i_private;
	struct vsc8584_sim_snapshot *text;
	ssize_t len;

	text = kvmalloc(struct_size(text, data, VSC8584_SIM_TEXT_SIZE),
			GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	if (sel)
		len = vsc8584_sim_variants(text->data, VSC8584_SIM_TEXT_SIZE);
	else
		len = vsc8584_sim_misuse(text->data, VSC8584_SIM_TEXT_SIZE);
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	if (len < 0) {
		kvfree(text);
		return len;
	}
	text->len = len;
	file->private_data = text;
	return 0;
}

static ssize_t vsc8584_sim_text_write(struct file *file,
				      const char __user *ubuf, size_t len,
				      loff_t *ppos)
{
	unsigned long sel = (unsigned long)file_inode(file)->i_private;
	char buf[64];
	int err;

	err = vsc8584_sim_get_cmd(buf, sizeof(buf), ubuf, len);
	if (err)
		return err;
	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	if (sel)
		err = vsc8584_sim_set_variant(buf, strlen(buf));
	else if (sysfs_streq(buf, "clear"))
		vsc8584_sim_misuse_clear();
	else
		err = -EINVAL;
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	return err ? err : len;
}

static const struct file_operations vsc8584_sim_text_fops = {
	.owner = THIS_MODULE,
	.open = vsc8584_sim_text_open,
	.read = vsc8584_sim_snapshot_read,
	.write = vsc8584_sim_text_write,
	.release = vsc8584_sim_snapshot_release,
	.llseek = default_llseek,
};

static ssize_t vsc8584_sim_macsec_write_write(struct file *file,
					      const char __user *ubuf,
					      size_t len, loff_t *ppos)
{
	unsigned int phy, addr, val;
	char buf[64], engine[8];
	bool egress;
	int err;

	err = vsc8584_sim_get_cmd(buf, sizeof(buf), ubuf, len);
	if (err)
		return err;
	if (sscanf(buf, "%u %7s %x %x", &phy, engine, &addr, &val) != 4 ||
	    phy > 3 || addr > 0x3fff)
		return -EINVAL;
	if (!strcmp(engine, "egress"))
		egress = true;
	else if (!strcmp(engine, "ingress"))
		egress = false;
	else
		return -EINVAL;

	mutex_lock(&vsc8584_sim_bus->mdio_lock);
	err = vsc8584_sim_macsec_write(phy, egress, addr, val);
	vsc8584_sim_irq_sync();
	mutex_unlock(&vsc8584_sim_bus->mdio_lock);
	return err ? err : len;
}

static const struct file_operations vsc8584_sim_macsec_write_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = vsc8584_sim_macsec_write_write,
	.llseek = noop_llseek,
};

static void vsc8584_sim_debugfs_phy(unsigned int phy)
{
	/* In the order of the views of vsc8584_sim_dump(). */
	static const char * const names[] = {
		"ingress.regs", "ingress.counters",
		"egress.regs", "egress.counters", "csr.regs", "switch",
	};
	struct dentry *dir;
	char name[8];
	unsigned long i;

	snprintf(name, sizeof(name), "phy%u", phy);
	dir = debugfs_create_dir(name, vsc8584_sim_dir);
	for (i = 0; i < ARRAY_SIZE(names); i++)
		debugfs_create_file(names[i], 0400, dir,
				    (void *)(phy << 4 | i), &vsc8584_sim_dump_fops);
}

/* pcap file format: a global header, then a record header before each frame. */
struct vsc8584_sim_pcap_hdr {
	u32 magic;
	u16 major;
	u16 minor;
	s32 thiszone;
	u32 sigfigs;
	u32 snaplen;
	u32 linktype;
};

struct vsc8584_sim_pcap_rec {
	u32 ts_sec;
	u32 ts_usec;
	u32 incl_len;
	u32 orig_len;
};

#define VSC8584_SIM_PCAP_SNAPLEN	65535
#define VSC8584_SIM_PCAP_ETHERNET	1
/* Room for every frame the tap keeps, at the largest size the ports send. */
#define VSC8584_SIM_PCAP_FRAME_MAX	(ETH_FRAME_LEN + 64)

/* Snapshot of the tap, taken at open so that reads see one consistent file. */
static int vsc8584_sim_pcap_open(struct inode *inode, struct file *file)
{
	const struct vsc8584_sim_pcap_hdr hdr = {
		.magic = 0xa1b2c3d4,
		.major = 2,
		.minor = 4,
		.snaplen = VSC8584_SIM_PCAP_SNAPLEN,
		.linktype = VSC8584_SIM_PCAP_ETHERNET,
	};
	size_t size = sizeof(hdr) + VSC8584_SIM_WIRE_FRAMES *
		(sizeof(struct vsc8584_sim_pcap_rec) + VSC8584_SIM_PCAP_FRAME_MAX);
	struct vsc8584_sim_snapshot *pcap;
	struct sk_buff *skb;
	unsigned long flags;
	size_t len;

	pcap = kvmalloc(struct_size(pcap, data, size), GFP_KERNEL);
	if (!pcap)
		return -ENOMEM;
	memcpy(pcap->data, &hdr, sizeof(hdr));
	len = sizeof(hdr);

	spin_lock_irqsave(&vsc8584_sim_wire.lock, flags);
	skb_queue_walk(&vsc8584_sim_wire, skb) {
		struct timespec64 ts = ktime_to_timespec64(skb->tstamp);
		struct vsc8584_sim_pcap_rec rec = {
			.ts_sec = ts.tv_sec,
			.ts_usec = ts.tv_nsec / NSEC_PER_USEC,
			.incl_len = skb->len,
			.orig_len = skb->len,
		};

		if (len + sizeof(rec) + skb->len > size)
			break;
		memcpy(pcap->data + len, &rec, sizeof(rec));
		len += sizeof(rec);
		if (skb_copy_bits(skb, 0, pcap->data + len, skb->len))
			break;
		len += skb->len;
	}
	spin_unlock_irqrestore(&vsc8584_sim_wire.lock, flags);

	pcap->len = len;
	file->private_data = pcap;
	return 0;
}

static ssize_t vsc8584_sim_pcap_write(struct file *file, const char __user *ubuf,
				      size_t len, loff_t *ppos)
{
	char buf[16];
	int err;

	err = vsc8584_sim_get_cmd(buf, sizeof(buf), ubuf, len);
	if (err)
		return err;
	if (!sysfs_streq(buf, "clear"))
		return -EINVAL;
	skb_queue_purge(&vsc8584_sim_wire);
	return len;
}

static const struct file_operations vsc8584_sim_pcap_fops = {
	.owner = THIS_MODULE,
	.open = vsc8584_sim_pcap_open,
	.read = vsc8584_sim_snapshot_read,
	.write = vsc8584_sim_pcap_write,
	.release = vsc8584_sim_snapshot_release,
	.llseek = default_llseek,
};

void vsc8584_sim_debugfs_init(void)
{
	unsigned int phy;

	vsc8584_sim_dir = debugfs_create_dir("vsc8584_sim", NULL);
	debugfs_create_file_unsafe("accesses", 0400, vsc8584_sim_dir, NULL,
				   &vsc8584_sim_accesses_fops);
	debugfs_create_file_unsafe("reads", 0400, vsc8584_sim_dir, NULL,
				   &vsc8584_sim_reads_fops);
	debugfs_create_file("fail_access", 0200, vsc8584_sim_dir, NULL,
			    &vsc8584_sim_fail_fops);
	debugfs_create_file("window_stuck", 0200, vsc8584_sim_dir, NULL,
			    &vsc8584_sim_stuck_fops);
	debugfs_create_file("wire.pcap", 0600, vsc8584_sim_dir, NULL,
			    &vsc8584_sim_pcap_fops);
	debugfs_create_file("wire_fault", 0200, vsc8584_sim_dir, NULL,
			    &vsc8584_sim_wire_fault_fops);
	debugfs_create_file("wire", 0400, vsc8584_sim_dir, NULL,
			    &vsc8584_sim_wire_fops);
	debugfs_create_file("misuse", 0600, vsc8584_sim_dir, (void *)0UL,
			    &vsc8584_sim_text_fops);
	debugfs_create_file("variants", 0600, vsc8584_sim_dir, (void *)1UL,
			    &vsc8584_sim_text_fops);
	debugfs_create_file("macsec_write", 0200, vsc8584_sim_dir, NULL,
			    &vsc8584_sim_macsec_write_fops);
	for (phy = 0; phy < VSC8584_SIM_PHYS; phy++)
		vsc8584_sim_debugfs_phy(phy);
}

void vsc8584_sim_debugfs_exit(void)
{
	debugfs_remove_recursive(vsc8584_sim_dir);
	vsc8584_sim_dir = NULL;
}
