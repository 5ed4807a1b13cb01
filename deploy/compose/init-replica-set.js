// Initiates the single-member replica set rs0 of the compose file, once; then waits until it has a writable primary.
// Idempotent: a second run finds the set initiated and only waits. Run by the mongo-init container (docker-compose.yml).
try {
  const status = rs.status();
  print(`replica set ${status.set} already initiated`);
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate({ _id: 'rs0', members: [{ _id: 0, host: 'mongo:27017' }] });
  print('replica set rs0 initiated');
}
for (let attempt = 1; !db.hello().isWritablePrimary; attempt++) {
  if (attempt > 60) {
    throw new Error('rs0 has no writable primary after 60 s');
  }
  sleep(1000);
}
print('rs0 has a writable primary');
