// What the Foldline functions need on Azure: a Cosmos DB account (serverless) with the database,
// the events, checkpoints and leases containers, and a Linux function app (consumption plan,
// Java 17) whose settings point at them, behind App Service authentication (Entra ID).
//
// The containers' partition keys and indexing policies must match CosmosContainers.java (a test
// checks that they do): Cosmos refuses a query that sorts on a path its policy does not index.
//
// Deploy with scripts/deploy-azure (az deployment group create -f azure-functions/infra/main.bicep).

@description('Name of the function app (also the prefix of the other resources)')
@minLength(3)
@maxLength(40)
param appName string

@description('Azure region')
param location string = resourceGroup().location

@description('Entra ID application (client) id that callers get tokens for')
param authClientId string

@description('OpenID issuer, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0')
param authIssuer string

@description('Claim holding the caller\'s tenant')
param tenantClaim string = 'tenant'

@description('Claim holding the caller\'s id')
param actorClaim string = 'http://schemas.microsoft.com/identity/claims/objectidentifier'

@description('Claim holding the caller\'s roles (one claim entry per role)')
param rolesClaim string = 'roles'

@description('Serve the example application (numbers, calculator): on or off')
@allowed([ 'on', 'off' ])
param examples string = 'on'

var databaseName = 'foldline'
var eventsContainer = 'events'
var checkpointsContainer = 'checkpoints'
var leasesContainer = 'leases'
var storageName = toLower(take(replace('${appName}store', '-', ''), 24))

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: '${appName}-cosmos'
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    disableLocalAuth: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmos
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

// Envelopes (with the snapshots riding in them): one logical partition per stream. No TTL: an
// envelope is never deleted (idempotency keys live inside envelopes; see the module README).
resource events 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: eventsContainer
  properties: {
    resource: {
      id: eventsContainer
      partitionKey: {
        paths: [ '/stream' ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/stream/?' }
          { path: '/kind/?' }
          { path: '/version/?' }
          { path: '/tenant/?' }
          { path: '/commit/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
        compositeIndexes: [
          [
            { path: '/tenant', order: 'ascending' }
            { path: '/commit', order: 'ascending' }
          ]
        ]
      }
    }
  }
}

// Projection progress, poll cursors and leases, parked failures: one logical partition per tenant.
resource checkpoints 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: checkpointsContainer
  properties: {
    resource: {
      id: checkpointsContainer
      partitionKey: {
        paths: [ '/space' ]
        kind: 'Hash'
        version: 2
      }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [
          { path: '/key/?' }
        ]
        excludedPaths: [
          { path: '/*' }
        ]
      }
    }
  }
}

// The change-feed trigger's leases (the Functions host's change feed processor requires /id).
resource leases 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = {
  parent: database
  name: leasesContainer
  properties: {
    resource: {
      id: leasesContainer
      partitionKey: {
        paths: [ '/id' ]
        kind: 'Hash'
        version: 2
      }
    }
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    name: 'Y1'
    tier: 'Dynamic'
  }
  properties: {
    reserved: true
  }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'Java|17'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'AzureWebJobsStorage', value: storageConnection }
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'java' }
        { name: 'FOLDLINE_COSMOS', value: cosmos.listConnectionStrings().connectionStrings[0].connectionString }
        { name: 'FOLDLINE_COSMOS_DATABASE', value: databaseName }
        { name: 'FOLDLINE_COSMOS_EVENTS', value: eventsContainer }
        { name: 'FOLDLINE_COSMOS_CHECKPOINTS', value: checkpointsContainer }
        { name: 'FOLDLINE_COSMOS_LEASES', value: leasesContainer }
        { name: 'FOLDLINE_TENANT_CLAIM', value: tenantClaim }
        { name: 'FOLDLINE_ACTOR_CLAIM', value: actorClaim }
        { name: 'FOLDLINE_ROLES_CLAIM', value: rolesClaim }
        { name: 'FOLDLINE_EXAMPLES', value: examples }
      ]
    }
  }
  dependsOn: [
    events
    checkpoints
    leases
  ]
}

// App Service authentication: every request needs a valid Entra ID token (401 otherwise), and the
// platform passes the verified principal to the function in X-MS-CLIENT-PRINCIPAL (stripping any
// such header a client sends). The function trusts that header only because of this.
resource auth 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: [ '/health' ]
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: authIssuer
        }
        validation: {
          allowedAudiences: [ authClientId, 'api://${authClientId}' ]
        }
      }
    }
  }
}

output apiUrl string = 'https://${app.properties.defaultHostName}'
output functionApp string = app.name
