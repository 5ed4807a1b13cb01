// Run by the mongo-init Job (init-job.yaml) as root against mongo-0. Idempotent: initiates rs0 on mongo-0 if it is
// not yet, adds mongo-1 and mongo-2 if they are not members (they hold the image's root user already, which
// replSetInitiate refuses but an added member's initial sync replaces), waits for a primary, then creates (or re-keys)
// one user per service, with readWrite on its own database only.
const hosts = [0, 1, 2].map(i => `mongo-${i}.mongo:27017`);
try {
  rs.status();
  print('rs0 already initiated');
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: hosts[0] }] });
  print('rs0 initiated on ' + hosts[0]);
}
// Waits for a primary and returns the admin database on it (the primary may be another member on a re-run).
function waitForPrimary() {
  for (let attempt = 1; !db.hello().primary; attempt++) {
    if (attempt > 120) {
      throw new Error('rs0 has no primary after 120 s');
    }
    sleep(1000);
  }
  if (db.hello().isWritablePrimary) {
    return db;
  }
  const password = encodeURIComponent(process.env.MONGO_ROOT_PASSWORD);
  return connect(`mongodb://root:${password}@${db.hello().primary}/admin?directConnection=true&authSource=admin`);
}
db = waitForPrimary();
const current = rs.conf().members.map(m => m.host);
for (const host of hosts.filter(h => !current.includes(h))) {
  rs.add({ host });
  print('added ' + host);
  db = waitForPrimary();
}
const services = ['intake-service', 'assessment-service', 'travel-coordination-service', 'rehab-followup-service',
  'facility-gateway', 'operations-dashboard'];
for (const service of services) {
  const password = process.env['MONGO_PASSWORD_' + service.toUpperCase().replace(/-/g, '_')];
  if (!password) {
    throw new Error('no password for ' + service);
  }
  const database = db.getSiblingDB(service);
  const roles = [{ role: 'readWrite', db: service }];
  if (database.getUser(service)) {
    database.updateUser(service, { pwd: password, roles });
  } else {
    database.createUser({ user: service, pwd: password, roles });
  }
  print('user ' + service + ' ready');
}
