import { channelName, statusLabel } from '../format';

export function ChannelBadge({ channel }: { channel: string }) {
  return <span className={`badge channel-${channel}`}>{channelName(channel)}</span>;
}

export function StatusChip({ status }: { status: string }) {
  return <span className={`chip status-${status}`}>{statusLabel(status)}</span>;
}
