/**
 * Every UI string, Chinese (the default), one file per feature: `queue.ts` holds the keys under `queue.`
 * (t('queue.title')), and so on; `common.ts` holds the app-wide groups, spread at the top level. The English
 * files must fill exactly this shape (its type is derived from these objects). Where the core has its own
 * words (statuses, sources, warning colours, workflow steps, referral targets), they are taken from
 * shared/domain, so the UI and the core's messages and exports say the same thing.
 */
import common from './common';
import nav from './nav';
import login from './login';
import dashboard from './dashboard';
import divisions from './divisions';
import settings from './settings';
import map from './map';
import directory from './directory';
import queue from './queue';
import intake from './intake';
import caseLabels from './case';
import backup from './backup';
import setup from './setup';
import accounts from './accounts';
import stats from './stats';
import wall from './wall';
import sync from './sync';

export const zhCN = { ...common, nav, login, dashboard, divisions, settings, map, directory, queue, intake, case: caseLabels, backup, setup, accounts, stats, wall, sync } as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every language must fill. */
export type Messages = Widen<typeof zhCN>;
/** The app-wide groups of common.ts. */
export type CommonMessages = Widen<typeof common>;
