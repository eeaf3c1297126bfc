// Realistic names for servers, jobs and VMs. The generator cycles through the job catalog; past its end it
// adds a site tag, so a large data set keeps unique, still plausible names.

import type { Platform } from './records.ts'

export interface ServerTemplate {
  name: string
  description: string
  version: string
}

export const SERVER_TEMPLATES: readonly ServerTemplate[] = [
  {
    name: 'vbr-hq01.corp.local',
    description: 'Headquarters backup server (Frankfurt DC1)',
    version: '13.0.0.4967',
  },
  { name: 'vbr-dr01.corp.local', description: 'DR site backup server', version: '12.3.1.1139' },
  { name: 'vbr-branch02.corp.local', description: '', version: '12.3.2.3617' },
]

export interface JobTemplate {
  name: string
  platform: Platform
  /** VM names are the stem plus a two-digit number. */
  vmStem: string
}

export const JOB_TEMPLATES: readonly JobTemplate[] = [
  { name: 'SQL Cluster Replication', platform: 'VMware', vmStem: 'sql-clu-n' },
  { name: 'Exchange DR', platform: 'VMware', vmStem: 'exch-mbx' },
  { name: 'Fileserver02 Replication', platform: 'HyperV', vmStem: 'fs02-vol' },
  { name: 'Domain Controllers DR', platform: 'HyperV', vmStem: 'dc' },
  { name: 'ERP Production Replica', platform: 'VMware', vmStem: 'erp-app' },
  { name: 'Web Farm Replication', platform: 'VMware', vmStem: 'web-prod-' },
  { name: 'SharePoint Farm DR', platform: 'HyperV', vmStem: 'sp-web' },
  { name: 'Citrix VDA Replication', platform: 'VMware', vmStem: 'ctx-vda' },
  { name: 'Oracle DB Replica', platform: 'VMware', vmStem: 'ora-db' },
  { name: 'Linux App Servers', platform: 'VMware', vmStem: 'ubuntu' },
  { name: 'Print Services DR', platform: 'HyperV', vmStem: 'prn' },
  { name: 'Branch Office Replication', platform: 'HyperV', vmStem: 'br-srv' },
  { name: 'Git & CI Replication', platform: 'VMware', vmStem: 'gitlab-runner' },
  { name: 'Remote Desktop Hosts', platform: 'HyperV', vmStem: 'rdsh' },
  { name: 'Monitoring Stack Replication', platform: 'VMware', vmStem: 'mon' },
  { name: 'HR Payroll DR', platform: 'HyperV', vmStem: 'hr-app' },
  { name: 'CRM Replication', platform: 'VMware', vmStem: 'crm-' },
  { name: 'Kubernetes Nodes DR', platform: 'VMware', vmStem: 'k8s-worker' },
  { name: 'PKI Servers DR', platform: 'HyperV', vmStem: 'ca' },
  { name: 'ADFS Replication', platform: 'HyperV', vmStem: 'adfs' },
  { name: 'SCCM Site Replication', platform: 'HyperV', vmStem: 'sccm-dp' },
  { name: 'DMZ Servers Replication', platform: 'VMware', vmStem: 'dmz-proxy' },
  { name: 'Finance Apps DR', platform: 'VMware', vmStem: 'fin-app' },
  { name: 'Lager München Replikation', platform: 'HyperV', vmStem: 'muc-lager' },
  { name: 'Terminal Servers Replication', platform: 'HyperV', vmStem: 'TS' },
  { name: 'Mail Gateway Replication', platform: 'VMware', vmStem: 'mx' },
  { name: 'Dev/Test Replica', platform: 'VMware', vmStem: 'devtest' },
  { name: 'Jira Confluence Replica', platform: 'VMware', vmStem: 'atl-' },
]

const SITES = ['AMS', 'NYC', 'SGP', 'LON', 'SYD', 'TOR', 'MAD', 'OSL', 'VIE', 'PRG', 'WAW', 'DXB'] as const

/** The n-th job name and VM stem: the catalog first, then the catalog again per site. */
export function jobTemplate(index: number): JobTemplate {
  const base = JOB_TEMPLATES[index % JOB_TEMPLATES.length] ?? {
    name: 'Replication Job',
    platform: 'VMware',
    vmStem: 'vm',
  }
  const round = Math.floor(index / JOB_TEMPLATES.length)
  if (round === 0) return base
  const site = `${SITES[(round - 1) % SITES.length] ?? 'SITE'}${round > SITES.length ? Math.ceil(round / SITES.length) : ''}`
  return {
    name: `${base.name} (${site})`,
    platform: base.platform,
    vmStem: `${site.toLowerCase()}-${base.vmStem}`,
  }
}

export const JOB_AUTHORS = ['CORP\\veeamadmin', 'CORP\\svc-veeam', 'CORP\\j.meyer', '.\\veeamadmin'] as const
