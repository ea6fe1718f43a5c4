/**
 * Every UI string in English, one file per feature like zh-CN/. Each file `satisfies` its part of the
 * Chinese shape and this object the whole of it, so a missing or an extra key is a type error.
 */
import type { Messages } from '../zh-CN';
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

export const en = { ...common, nav, login, dashboard, divisions, settings, map, directory, queue, intake, case: caseLabels, backup, setup, accounts, stats, wall, sync } satisfies Messages;
