'use strict'
// Drives the original @rotorsoft/event-store (0.3.5, aws-sdk v2 DocumentClient) against one
// DynamoDB Local with the workload Foldline's side-by-side driver runs (dev.foldline.bench.sbs):
// AddNumbers {number1: 1, number2: 2} on aggregates that exist, no expectedVersion, N clients
// sending one command after the other. Prints name=value lines on stdout.
//
//   node driver.js ENDPOINT CLIENTS WARMUP COMMANDS RUN_ID
//
// The tables are the original's layout (its test setup): TENANT_events (aid, id) with the gid
// index, TENANT_snapshots (id); the tenant is RUN_ID, so every run has fresh tables.

// aws-sdk v2 is in maintenance mode and says so on load; the benchmark knows.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1'

const fs = require('fs')
const http = require('http')
const AWS = require('aws-sdk')
const { CommandHandler, DynamoDbEventStore, Actor, Aggregate, Err } = require('@rotorsoft/event-store')

const AGGREGATES_PER_CLIENT = 8
const CAPACITY_COMMANDS = 20

class Numbers extends Aggregate {
  constructor () {
    super()
    this.sum = 0
  }

  get commands () {
    return {
      AddNumbers: async context => {
        if (!Number.isInteger(context.payload.number1)) throw Err.invalidArgument('number1')
        if (!Number.isInteger(context.payload.number2)) throw Err.invalidArgument('number2')
        context.push('NumbersAdded')
      }
    }
  }

  get events () {
    return {
      NumbersAdded: event => { this.sum += event.payload.number1 + event.payload.number2 }
    }
  }
}

/** The API's name of a request's operation (PutItem), as the Java SDK reports it. */
function operationName (request) {
  return request.operation.charAt(0).toUpperCase() + request.operation.slice(1)
}

/** HTTP requests sent, by operation; a retried attempt counts again (the 'send' event fires per attempt). */
const requests = {}
AWS.events.on('send', response => {
  const operation = operationName(response.request)
  requests[operation] = (requests[operation] || 0) + 1
})

/** ReturnConsumedCapacity is added only in the untimed capacity pass. */
let askCapacity = false
const capacity = {}
AWS.events.on('validate', request => {
  if (askCapacity) request.params.ReturnConsumedCapacity = 'INDEXES'
})
AWS.events.on('success', response => {
  const consumed = askCapacity && response.data && response.data.ConsumedCapacity
  if (!consumed) return
  const operation = operationName(response.request)
  const entry = capacity[operation] || (capacity[operation] = { table: 0, indexes: 0 })
  entry.table += (consumed.Table && consumed.Table.CapacityUnits) || 0
  for (const index of Object.values(consumed.GlobalSecondaryIndexes || {})) entry.indexes += index.CapacityUnits || 0
})

function nearestRank (sorted, fraction) {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)]
}

/** Runs each client's commands one after the other, all clients at once; times every command. */
async function timed (clients, perClient, send) {
  const latencies = []
  const started = process.hrtime.bigint()
  await Promise.all(clients.map(async (ids, c) => {
    for (let i = 0; i < perClient; i++) {
      const t0 = process.hrtime.bigint()
      await send(ids[i % ids.length])
      latencies.push(Number(process.hrtime.bigint() - t0))
    }
  }))
  const elapsed = Number(process.hrtime.bigint() - started)
  latencies.sort((a, b) => a - b)
  return { elapsed, latencies, commands: perClient * clients.length }
}

/** The server's CPU time in microseconds (Linux /proc, ticks of 1/100 s), or null where it cannot be read. */
function serverCpuMicros () {
  const pid = process.env.SBS_SERVER_PID
  if (!pid) return null
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10000
  } catch (unavailable) {
    return null
  }
}

function print (name, value) {
  process.stdout.write(`${name}=${value}\n`)
}

function fixed (value) {
  return value.toFixed(3)
}

async function createTables (dynamo, tenant) {
  await dynamo.createTable({
    TableName: `${tenant}_events`,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'aid', AttributeType: 'S' },
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'gid', AttributeType: 'S' },
      { AttributeName: 'grp', AttributeType: 'S' }
    ],
    KeySchema: [{ AttributeName: 'aid', KeyType: 'HASH' }, { AttributeName: 'id', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{
      IndexName: 'gid',
      KeySchema: [{ AttributeName: 'grp', KeyType: 'HASH' }, { AttributeName: 'gid', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' }
    }]
  }).promise()
  await dynamo.createTable({
    TableName: `${tenant}_snapshots`,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }]
  }).promise()
}

async function deleteTables (dynamo, tenant) {
  for (const suffix of ['_events', '_snapshots']) {
    await dynamo.deleteTable({ TableName: tenant + suffix }).promise()
  }
}

async function main () {
  const [endpoint, clientCount, warmup, commands, runId] = process.argv.slice(2)
  const clients = Number(clientCount)
  if (!runId || !(clients > 0)) {
    throw new Error('usage: node driver.js ENDPOINT CLIENTS WARMUP COMMANDS RUN_ID')
  }
  // The original leaves the HTTP agent to the caller: keep-alive with a socket per client is the
  // configuration AWS recommends for aws-sdk v2 in Node, and the fair one to compare with.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(50, clients) })
  AWS.config.update({
    region: 'us-east-1',
    endpoint,
    credentials: new AWS.Credentials('local', 'local'),
    httpOptions: { agent }
  })
  const dynamo = new AWS.DynamoDB({ apiVersion: '2012-08-10' })
  const tenant = runId
  await createTables(dynamo, tenant)

  const handler = new CommandHandler(new DynamoDbEventStore(new AWS.DynamoDB.DocumentClient()), [Numbers])
  const actor = new Actor({ tenant, id: 'bench-user', roles: [] })
  const add = aggregateId => handler.command(actor, 'AddNumbers', { aggregateId, number1: 1, number2: 2 })

  const perClient = count => Math.max(1, Math.ceil(Number(count) / clients))
  const ids = []
  for (let c = 0; c < clients; c++) {
    ids.push([])
    for (let k = 0; k < AGGREGATES_PER_CLIENT; k++) {
      const id = `a-${c}-${k}`
      await add(id)
      ids[c].push(id)
    }
  }
  if (Number(warmup) > 0) await timed(ids, perClient(warmup), add)
  for (const operation of Object.keys(requests)) delete requests[operation]

  const clientCpu = process.cpuUsage()
  const serverCpu = serverCpuMicros()
  const run = await timed(ids, perClient(commands), add)
  const clientSpent = process.cpuUsage(clientCpu)
  const serverSpent = serverCpu === null ? null : serverCpuMicros() - serverCpu
  print('commands', run.commands)
  print('cmd_per_s', (run.commands * 1e9 / run.elapsed).toFixed(1))
  print('p50_ms', fixed(nearestRank(run.latencies, 0.5) / 1e6))
  print('p99_ms', fixed(nearestRank(run.latencies, 0.99) / 1e6))
  print('client_cpu_us_per_cmd', fixed((clientSpent.user + clientSpent.system) / run.commands))
  if (serverSpent !== null) print('server_cpu_us_per_cmd', fixed(serverSpent / run.commands))
  const sent = Object.values(requests).reduce((a, b) => a + b, 0)
  print('requests_per_cmd', fixed(sent / run.commands))
  for (const [operation, count] of Object.entries(requests).sort()) {
    print(`requests.${operation}`, fixed(count / run.commands))
  }

  askCapacity = true
  for (let i = 0; i < CAPACITY_COMMANDS; i++) await add(ids[0][i % ids[0].length])
  askCapacity = false
  for (const [operation, units] of Object.entries(capacity).sort()) {
    print(`capacity.warm.${operation}.table`, fixed(units.table / CAPACITY_COMMANDS))
    print(`capacity.warm.${operation}.indexes`, fixed(units.indexes / CAPACITY_COMMANDS))
  }

  await deleteTables(dynamo, tenant)
  agent.destroy()
}

main().catch(error => {
  console.error(error)
  process.exit(1)
})
