-- The province hub's database: what every station sent, what the hub pushed and what became of it.
-- Every timestamp is UTC (timestamptz). Runs are append-only and keyed by the station's own run id.

create table station (
  station         text primary key,
  name            text not null default '',
  commune         text not null default '',
  version         text not null default '',
  zones           jsonb not null default '[]',
  first_seen      timestamptz not null,
  last_seen       timestamptz not null,
  online          boolean,
  online_at       timestamptz,
  max_outbox_seq  bigint not null default 0,
  last_command_seq bigint not null default 0,
  health_at       timestamptz,
  boards_ok       boolean,
  sound_card_ok   boolean,
  clock_trusted   boolean,
  disk_free_mb    bigint,
  open_incidents  integer
);
create index station_commune on station (commune);

create table health (
  station     text not null references station,
  outbox_seq  bigint not null,
  at          timestamptz not null,
  received_at timestamptz not null,
  body        jsonb not null,
  primary key (station, outbox_seq)
);

create table run (
  station           text not null references station,
  run_id            bigint not null,
  outbox_seq        bigint not null,
  planned_key       text not null,
  programme         text not null,
  title             text not null,
  category          text not null,
  priority          text not null,
  trigger           text not null,
  planned_at        timestamptz not null,
  started_at        timestamptz,
  ended_at          timestamptz,
  zones_requested   text[] not null,
  zones_confirmed   text[] not null,
  zones_unconfirmed text[] not null,
  zones_failed      text[] not null,
  content           text not null,
  outcome           text,
  reason            text not null,
  hub_command       text,
  received_at       timestamptz not null,
  primary key (station, run_id)
);
create index run_planned on run (planned_at);

create table push (
  push        uuid primary key,
  type        text not null,
  priority    text not null,
  title       text not null,
  category    text not null,
  targets     jsonb not null,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  issued_by   text not null,
  cancelled_at timestamptz
);

create table command (
  command     uuid primary key,
  push        uuid not null references push,
  station     text not null references station,
  seq         bigint not null,
  type        text not null,
  zones       jsonb not null,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  envelope    text not null,
  state       text not null,
  state_at    timestamptz not null,
  sent_at     timestamptz,
  received_at timestamptz,
  aired_at    timestamptz,
  run_id      bigint,
  outcome     text,
  reason      text not null default '',
  unique (station, seq)
);
create index command_push on command (push);
create index command_unsent on command (state) where state = 'queued';

create table ack (
  station     text not null references station,
  outbox_seq  bigint not null,
  command     text not null,
  seq         bigint not null,
  state       text not null,
  run_id      bigint,
  outcome     text,
  reason      text not null,
  at          timestamptz not null,
  received_at timestamptz not null,
  primary key (station, outbox_seq)
);
